<?php
// Laravel with `'block' => true` in config/session.php: every route's action holds the session
// lock, here across a call to the reporting service.

namespace App\Http\Controllers;

use Illuminate\Routing\Controller;
use Illuminate\Support\Facades\Http;

class ReportController extends Controller
{
    public function show()
    {
        return Http::get('https://reports.example.org/latest')->json(); // expect: held-across-slow-call "'block' => true"
    }
}
