<?php
// Twin of builtin-redeclared-file-declares-nothing-clean: the emulation guards its built-in's
// name with `function_exists()`, so PHP compiles the file; `session_start()` stays PHP's, and
// `session_register()`, named like no built-in of this PHP, is declared.
if (!function_exists('session_start')) {
    function session_start()
    {
        return true;
    }
}

function session_register($name)
{
    sleep(5);
    return isset($GLOBALS[$name]);
}
