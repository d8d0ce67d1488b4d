<?php
// A controller that calls the vendor's server when it is built.
class ControllerAnt
{
    public $banner;

    public function __construct()
    {
        $this->banner = file_get_contents('https://vendor.example.com/ant'); // expect: held-across-slow-call
    }
}
