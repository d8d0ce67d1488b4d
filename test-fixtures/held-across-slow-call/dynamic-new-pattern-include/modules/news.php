<?php
// Another candidate: its constructor fetches a remote page too.
class NewsModule {
    public $html;
    public function __construct() { $this->html = file_get_contents('https://news.example.com/today'); }
}
