<?php
// The session is read inside try and closed in finally, before the cart is rendered: the lock is
// already as short as read_and_close would make it, so no suggestion.
declare(strict_types=1);

function show_cart(): void
{
    session_start();
    try {
        $cart = $_SESSION['cart'] ?? [];
        $currency = (string) ($_SESSION['currency'] ?? 'EUR');
    } finally {
        session_write_close();
    }

    echo '<ul>';
    foreach ($cart as $productId => $quantity) {
        echo '<li>' . (int) $productId . ' × ' . (int) $quantity . ' (' . htmlspecialchars($currency) . ')</li>';
    }
    echo '</ul>';
}
