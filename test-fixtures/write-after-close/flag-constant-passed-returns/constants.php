<?php
// The project's flag for "return instead of exiting", one value in every file that defines it.
define('PRIV_RETURN', true);
