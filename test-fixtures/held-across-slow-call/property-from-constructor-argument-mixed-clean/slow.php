<?php
// Builds the connector over a worker of another class: the two sites disagree.
require __DIR__ . '/lib.php';

$connector = new Connector(new SlowWorker());
session_write_close();
$connector->run();
