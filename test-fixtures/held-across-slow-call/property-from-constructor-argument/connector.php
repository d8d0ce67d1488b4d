<?php
// The entry script: the finder is built into a local first, then handed to the connector.
require __DIR__ . '/lib.php';

$finder = new Finder(['roots' => []]);
$connector = new Connector($finder);
$connector->run(); // expect: held-across-slow-call
