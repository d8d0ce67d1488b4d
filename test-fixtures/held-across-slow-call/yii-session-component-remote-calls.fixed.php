<?php
// Yii 2: every access to `yii\web\Session` data opens the session first (`get()` calls `open()`),
// and with the default files handler it stays locked until `close()` or the end of the request.
// Session, HTTP client and mailer are injected (constructor and action parameters).
declare(strict_types=1);

namespace app\controllers;

use yii\httpclient\Client;
use yii\mail\MailerInterface;
use yii\web\Controller;
use yii\web\Session;

final class OrderController extends Controller
{
    public function __construct($id, $module, private Session $session, private MailerInterface $mailer, $config = [])
    {
        parent::__construct($id, $module, $config);
    }

    public function actionTrack(Client $carrierApi): array
    {
        $orderId = (int) $this->session->get('last_order_id');

        $request = $carrierApi->get('shipments/' . $orderId, ['expand' => 'events']);
        $this->session->close();
        $response = $request->send(); // expect: held-across-slow-call "send"

        return $response->isOk ? $response->data : [];
    }

    public function actionResend(int $id): array
    {
        $email = (string) $this->session->get('customer_email');

        $message = $this->mailer->compose('order-confirmation', ['orderId' => $id])->setTo($email);
        $this->session->close();
        $this->mailer->send($message); // expect: held-across-slow-call "send"

        return ['ok' => true];
    }
}
