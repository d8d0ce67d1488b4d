<?php
// An invokable controller registered with `->block()`: the route runs `__invoke()` holding the
// session lock while it asks the payment gateway for the status.

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

class PaymentWebhookController extends Controller
{
    public function __invoke(Request $request)
    {
        $status = Http::withToken('secret')->get('https://payments.example.org/status/' . $request->input('order')); // expect: held-across-slow-call "->block\(\)"
        return response()->json($status->json());
    }
}
