<?php
// Each entry script declares its own show_form(): this one fetches remote data. The call
// below runs this declaration, not edit.php's, which is another request.
function show_form()
{
    $countries = file_get_contents('https://api.example.com/countries');
    echo '<form>' . $countries . '</form>';
}

session_start();
show_form(); // expect: held-across-slow-call
$_SESSION['form_shown'] = true;
