<?php
function has_rights($flag)
{
    return ($_SESSION['rights'] & $flag);
}
