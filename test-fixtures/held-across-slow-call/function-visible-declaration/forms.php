<?php
// Included by list.php.
function show_list()
{
    echo '<ul></ul>';
}
