<?php
// One page script with four actions. Each handler opens the session and keeps it across a
// different kind of slow work (sleep, HTTP call, file download, external process): four findings.
declare(strict_types=1);

function handle_verify_code(): void
{
    session_start();
    $attempts = (int) ($_SESSION['otp_attempts'] ?? 0) + 1;
    $_SESSION['otp_attempts'] = $attempts;

    if (!hash_equals((string) ($_SESSION['otp_code'] ?? ''), (string) ($_POST['code'] ?? ''))) {
        // Slow down brute force: 1, 2, 4, ... seconds, capped at 30.
        session_write_close();
        sleep(min(2 ** ($attempts - 1), 30)); // expect: held-across-slow-call
        http_response_code(422);
        echo json_encode(['ok' => false]);
        return;
    }

    unset($_SESSION['otp_code'], $_SESSION['otp_attempts']);
    $_SESSION['mfa_passed'] = true;
    echo json_encode(['ok' => true]);
}

function handle_shipping_quote(): void
{
    session_start();
    $cart = $_SESSION['cart'] ?? [];

    $ch = curl_init('https://rates.carrier.example/v2/quote');
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => json_encode(['items' => $cart, 'zip' => $_POST['zip'] ?? '']),
        CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 10,
    ]);
    $body = curl_exec($ch); // expect: held-across-slow-call
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    curl_close($ch);

    if ($body === false || $status !== 200) {
        http_response_code(502);
        return;
    }

    $quote = json_decode($body, true);
    $_SESSION['shipping_quote'] = $quote;
    echo json_encode($quote);
}

function handle_invoice_download(): void
{
    session_start(); // expect: prefer-read-and-close
    $invoiceId = (int) ($_GET['id'] ?? 0);
    if (!in_array($invoiceId, $_SESSION['invoice_ids'] ?? [], true)) {
        http_response_code(404);
        return;
    }

    $path = '/var/lib/billing/invoices/' . $invoiceId . '.pdf';
    header('Content-Type: application/pdf');
    header('Content-Length: ' . filesize($path));
    header('Content-Disposition: attachment; filename="invoice-' . $invoiceId . '.pdf"');
    session_write_close();
    readfile($path); // expect: held-across-slow-call
}

function handle_avatar_thumbnail(): void
{
    session_start();
    $source = $_SESSION['last_upload_path'] ?? null;
    if ($source === null) {
        http_response_code(404);
        return;
    }

    $target = sys_get_temp_dir() . '/thumb-' . session_id() . '.png';
    $output = shell_exec('convert ' . escapeshellarg($source) . ' -thumbnail 256x256 ' . escapeshellarg($target) . ' 2>&1'); // expect: held-across-slow-call
    if (!is_file($target)) {
        error_log('thumbnail failed: ' . $output);
        http_response_code(500);
        return;
    }

    $_SESSION['avatar_thumb'] = $target;
    echo json_encode(['thumb' => basename($target)]);
}

switch ($_GET['action'] ?? '') {
    case 'verify':
        handle_verify_code();
        break;
    case 'quote':
        handle_shipping_quote();
        break;
    case 'invoice':
        handle_invoice_download();
        break;
    case 'thumbnail':
        handle_avatar_thumbnail();
        break;
    default:
        http_response_code(400);
}
