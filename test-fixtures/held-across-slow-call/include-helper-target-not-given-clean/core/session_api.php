<?php
function session_init()
{
    session_start();
}
session_init();
