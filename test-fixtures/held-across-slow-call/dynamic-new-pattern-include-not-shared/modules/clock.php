<?php
// This one does no slow work.
class ClockModule {
    public $html;
    public function __construct() { $this->html = date('H:i'); }
}
