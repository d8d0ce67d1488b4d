<?php
// A reference into the session is taken before the slow call and used after it: `$cart[] = …`
// writes the session's own array, which an early close would no longer save.
session_start();
$cart = &$_SESSION['cart'];

session_write_close();
$price = file_get_contents('https://prices.example/item/42'); // expect: held-across-slow-call
$cart[] = ['item' => 42, 'price' => $price];
echo $price;
