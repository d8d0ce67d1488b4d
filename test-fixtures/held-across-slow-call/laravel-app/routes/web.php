<?php
// Laravel routes: `->block()` (with or without its lock and wait seconds) marks the actions
// that run holding the session lock; `[Controller::class, 'method']`, `'Controller@method'`
// and closures are followed to their bodies.

use App\Http\Controllers\ImportController;
use App\Http\Controllers\PaymentWebhookController;
use Illuminate\Support\Facades\Route;

Route::post('/import', [ImportController::class, 'store'])->block();
Route::post('/legacy', 'ImportController@legacy')->block(10, 10);
Route::get('/status', [ImportController::class, 'status']);
Route::post('/payments/check', PaymentWebhookController::class)->whereNumber('order')->block(10, 10);

Route::middleware('auth')->get('/poll', function () {
    sleep(2); // expect: held-across-slow-call "->block\(\)"
    return 'done';
})->name('poll')->block();

Route::get('/wait', function () {
    sleep(2);
    return 'not locked';
});
