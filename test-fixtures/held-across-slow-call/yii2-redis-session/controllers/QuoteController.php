<?php
// Yii 2 with a Redis session store (config/web.php): reading the session takes no lock, so
// the remote call below makes no other request of the user wait.

namespace app\controllers;

use Yii;
use yii\web\Controller;

class QuoteController extends Controller
{
    public function actionIndex(): string
    {
        $cart = Yii::$app->session->get('cart', []);
        return file_get_contents('https://rates.example.org/quote?items=' . count($cart));
    }
}
