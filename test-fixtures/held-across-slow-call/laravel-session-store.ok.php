<?php
// Laravel's session store (`$request->session()`, `session()`, the `Session` facade) is loaded and
// saved by middleware and does not lock by default, so nothing here holds a lock while the HTTP
// client runs. `Cache::get()` and a collection's `get()` are not slow work either.
declare(strict_types=1);

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Session;

final class WeatherController
{
    public function show(Request $request): JsonResponse
    {
        $city = (string) $request->session()->get('city', 'Oslo');
        $units = (string) session('units', 'metric');
        $favourites = collect(Session::get('favourites', []));
        $fallback = Cache::get('weather.' . $city);

        $forecast = Http::get('https://api.weather.example/v1/forecast', ['q' => $city, 'units' => $units]);

        $request->session()->put('last_city', $city);
        session(['last_units' => $units]);

        return new JsonResponse(['forecast' => $forecast->json() ?? $fallback, 'favourite' => $favourites->get(0)]);
    }
}
