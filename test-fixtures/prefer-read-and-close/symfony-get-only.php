<?php
// A script that only reads its Symfony session (`get()` starts it and takes the lock) keeps the
// lock to the end of the request for nothing. It has no `read_and_close`: the advice is its own
// write-back close, `save()`, once the data is read.
use Symfony\Component\HttpFoundation\Session\Session;

$session = new Session();
$language = $session->get('language') ?? 'en'; // expect: prefer-read-and-close "call `\$session->save\(\)` as soon as the data is read"
echo json_encode(['language' => $language]);
