<?php
// Its own show_form() is quick: add.php's slow one is never run by this request.
function show_form()
{
    echo '<form></form>';
}

session_start();
show_form();
$_SESSION['form_shown'] = true;
