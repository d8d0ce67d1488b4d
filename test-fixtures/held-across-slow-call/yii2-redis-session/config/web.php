<?php
// The application's configuration: the `session` component is yii2-redis's store, which
// takes no lock, so no request waits for another.

$params = require __DIR__ . '/params.php';

$config = [
    'id' => 'shop',
    'basePath' => dirname(__DIR__),
    'components' => [
        'redis' => ['class' => 'yii\redis\Connection', 'hostname' => 'redis'],
        'session' => ['class' => 'yii\redis\Session'],
    ],
    'params' => $params,
];

return $config;
