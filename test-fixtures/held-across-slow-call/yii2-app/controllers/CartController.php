<?php
// Yii 2: `Yii::$app->session` opens the session on first access (`get()`, `set()`, `open()`, or
// array access, which is `offsetGet`/`offsetSet`) and keeps it locked until `close()`.

namespace app\controllers;

use Yii;
use yii\web\Controller;

class CartController extends Controller
{
    public function actionShipping(): string
    {
        $cart = Yii::$app->session['cart'];
        return file_get_contents('https://rates.example.org/quote?items=' . count($cart)); // expect: held-across-slow-call "session\[…\]"
    }

    public function actionCheckout(): string
    {
        $session = Yii::$app->getSession();
        $session->open();
        $session['checkout_started'] = time();
        return file_get_contents('https://payments.example.org/token'); // expect: held-across-slow-call "open\(\)"
    }

    public function actionRemember(string $coupon): string
    {
        Yii::$app->session->set('coupon', $coupon);
        sleep(1); // expect: held-across-slow-call "session->set\(\)"
        return 'ok';
    }

    // Closed before the remote call.
    public function actionRates(): string
    {
        $currency = Yii::$app->session->get('currency', 'EUR');
        Yii::$app->session->close();
        return file_get_contents('https://rates.example.org/' . $currency);
    }
}
