<?php
// Symfony's `$session->set()` and `remove()` change the session's data (they start it on first
// access, like `get()`): a script that reads a key and then sets another needs the lock it took.
use Symfony\Component\HttpFoundation\Session\Session;

$session = new Session();
$language = $session->get('language') ?? 'en';
$session->set('seen', time());
$session->remove('notice');
echo json_encode(['language' => $language]);
