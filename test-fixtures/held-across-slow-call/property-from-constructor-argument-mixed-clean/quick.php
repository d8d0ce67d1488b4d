<?php
// Builds the connector over the quick worker.
require __DIR__ . '/lib.php';

session_start();
$connector = new Connector(new QuickWorker());
$connector->run();
