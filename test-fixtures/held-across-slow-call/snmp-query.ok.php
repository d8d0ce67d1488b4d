<?php
// Building the SNMP object sends nothing; the queries run after the session is closed.
session_start();
$device = new SNMP(SNMP::VERSION_2c, $_POST['host'], $_SESSION['community']);
session_write_close();
$name = $device->walk('1.3.6.1.2.1.2.2.1.2');
echo json_encode($name);
