<?php
// A compatibility copy of a built-in, declared in the global namespace for a PHP that lacks it
// (unguarded, PHP refuses it: "Cannot redeclare str_pad()"): on a PHP that has it, its body
// never runs.
if (!function_exists('str_pad')) {
    function str_pad($text, $length, $pad = ' ', $type = STR_PAD_RIGHT) {
        return file_get_contents('https://pad.example.com/?text=' . urlencode($text) . '&length=' . $length);
    }
}
