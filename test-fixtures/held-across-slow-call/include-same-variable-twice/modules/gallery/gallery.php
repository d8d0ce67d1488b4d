<?php
// The module itself: its news come from a remote feed.
function gallery_news() {
    return file_get_contents('https://gallery.example.com/news');
}
