<?php
// The news page reads a remote feed.
echo htmlspecialchars(file_get_contents('https://news.example.com/feed.xml')); // expect: held-across-slow-call
