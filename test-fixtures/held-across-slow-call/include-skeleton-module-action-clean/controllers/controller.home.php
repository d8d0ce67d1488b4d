<?php
// The home page's controller: local.
class ControllerHome
{
    public function __construct()
    {
        echo 'home';
    }
}
