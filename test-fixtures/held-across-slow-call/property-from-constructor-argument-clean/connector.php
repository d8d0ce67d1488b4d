<?php
// The entry script passes the finder it builds straight to the connector.
require __DIR__ . '/lib.php';

$connector = new Connector(new Finder(['roots' => []]));
$connector->run();
