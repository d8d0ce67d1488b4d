<?php
if (getenv('ALT_LIB')) {
    $g_lib_path = __DIR__ . '/core/';
} else {
    $g_lib_path = __DIR__ . '/lib/';
}
