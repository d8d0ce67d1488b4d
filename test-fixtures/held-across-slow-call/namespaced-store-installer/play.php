<?php
require __DIR__ . '/lib/init.php';
session_start();
for ($i = 0; $i < 10; $i++) {
    sleep(1);
}
