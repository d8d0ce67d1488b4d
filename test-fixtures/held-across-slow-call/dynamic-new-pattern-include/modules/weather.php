<?php
// One candidate: its constructor fetches a remote page.
class WeatherModule {
    public $html;
    public function __construct() { $this->html = file_get_contents('https://weather.example.com/today'); }
}
