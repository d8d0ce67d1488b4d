<?php
require_once dirname(__FILE__) . '/includes/class.app.php';
require 'vendor/autoload.php';

$app = new App();
