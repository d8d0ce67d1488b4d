<?php
// A script that starts its Symfony session itself (`start()`, not the lazy start of a first
// `get()`) and only reads it: the advice is the framework's write-back close, `save()`, not a
// `read_and_close` option its `start()` does not have.
use Symfony\Component\HttpFoundation\Session\Session;

$session = new Session();
$session->start(); // expect: prefer-read-and-close "^`\$session->start\(\)` takes the session lock.*call `\$session->save\(\)` as soon as the data is read"
$language = $session->get('language') ?? 'en';
echo json_encode(['language' => $language]);
