<?php
// Helpers with no CLI check.
function feed_url()
{
    return 'https://example.com/feed.xml';
}
