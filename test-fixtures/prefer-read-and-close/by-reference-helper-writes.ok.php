<?php
// The session is changed through a by-reference parameter of a project function: that is a
// write, so the lock is needed and read_and_close would lose it.

function add_to_cart(array &$cart, int $productId): void
{
    $cart[] = $productId;
}

function cart_add_page(): void
{
    session_start();
    echo 'Adding…';
    add_to_cart($_SESSION['cart'], (int) ($_GET['id'] ?? 0));
    session_write_close();
}
