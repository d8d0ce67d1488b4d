<?php
// Three writes after the slow call, one after the other: one reopen around the run of them.
// The code's own close after them closes the reopened session.
declare(strict_types=1);

session_start();
$cart = $_SESSION['cart'] ?? [];
session_write_close();
$quote = file_get_contents('https://rates.example.com/quote?items=' . count($cart)); // expect: held-across-slow-call
session_start();
$_SESSION['quote'] = $quote;
$total = strlen((string) $quote);
unset($_SESSION['quote_error']);
$_SESSION['quoted_at'] = time();
session_write_close();
echo $total;
