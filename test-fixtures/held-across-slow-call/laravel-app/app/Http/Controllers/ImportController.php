<?php
// Laravel: a route with `->block()` locks the session before its action and keeps it until the
// response is sent; slow work in the action makes the user's other requests wait. Routes
// without `->block()` do not lock (Laravel's session store does not).

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

class ImportController extends Controller
{
    public function store(Request $request)
    {
        $response = Http::timeout(20)->get('https://feeds.example.org/export'); // expect: held-across-slow-call "->block\(\)"
        return response()->json(['count' => count($response->json())]);
    }

    public function legacy(Request $request)
    {
        $response = Http::post('https://feeds.example.org/legacy', ['page' => 1]); // expect: held-across-slow-call "->block\(\)"
        return response()->json($response->json());
    }

    // Registered without `->block()`: nothing is locked while it waits.
    public function status()
    {
        return Http::get('https://feeds.example.org/status')->json();
    }
}
