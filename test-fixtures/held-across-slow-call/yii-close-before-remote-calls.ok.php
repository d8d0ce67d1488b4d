<?php
// Yii 2, fixed: `$session->close()` writes and releases the session before the slow work; a later
// access (`setFlash()`) opens it again for a moment.
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
        $this->session->close();

        $request = $carrierApi->get('shipments/' . $orderId);
        $response = $request->send();

        return $response->isOk ? $response->data : [];
    }

    public function actionResend(): array
    {
        $email = (string) $this->session->get('customer_email');
        $this->session->close();

        $message = $this->mailer->compose('order-confirmation')->setTo($email);
        $this->mailer->send($message);

        $this->session->setFlash('success', 'Confirmation sent again.');

        return ['ok' => true];
    }
}
