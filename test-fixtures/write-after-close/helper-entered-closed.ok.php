<?php
// Helpers that write $_SESSION without opening it: their callers open the session first, so
// neither the helpers (entered with the session closed) nor the calls are reported.
declare(strict_types=1);

function set_flash(string $type, string $message): void
{
    $_SESSION['flash'][] = ['type' => $type, 'message' => $message];
}

final class Cart
{
    public function add(int $productId, int $quantity): void
    {
        $_SESSION['cart'][$productId] = ($_SESSION['cart'][$productId] ?? 0) + $quantity;
        session_regenerate_id();
    }
}

function handle_add_to_cart(Cart $cart): void
{
    session_start();
    $cart->add((int) $_POST['product_id'], max(1, (int) $_POST['quantity']));
    set_flash('success', 'Added to your cart.');
    session_write_close();
    header('Location: /cart');
}
