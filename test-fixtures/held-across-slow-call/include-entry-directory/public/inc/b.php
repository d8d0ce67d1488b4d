<?php
// './' is PHP's working directory: public/, where the entry script is.
require './inc/slow.php';
