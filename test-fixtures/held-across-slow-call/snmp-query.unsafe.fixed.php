<?php
// PHP's SNMP class (phpipam's device test): each query waits for the device to answer.
session_start();
$device = new SNMP(SNMP::VERSION_2c, $_POST['host'], $_SESSION['community']);
session_write_close();
$name = $device->get('1.3.6.1.2.1.1.5.0'); // expect: held-across-slow-call "remote server answers"
session_start();
$_SESSION['last_device'] = $name;
session_write_close();
