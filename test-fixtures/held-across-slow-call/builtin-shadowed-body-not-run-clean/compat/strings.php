<?php
// A compatibility copy of a built-in, declared in the global namespace: PHP refuses it
// ("Cannot redeclare str_pad()"), so its body never runs.
function str_pad($text, $length, $pad = ' ', $type = STR_PAD_RIGHT) {
    return file_get_contents('https://pad.example.com/?text=' . urlencode($text) . '&length=' . $length);
}
