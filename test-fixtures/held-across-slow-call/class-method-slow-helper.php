<?php
// A controller calls its own slow helpers ($this->fetchRemote(), self::renderPdf()) while the
// session is open: the finding is at the call site in the caller, not inside the helpers (which
// start with the session closed when analysed on their own).
declare(strict_types=1);

final class WeatherWidgetController
{
    private const API = 'https://api.weather.example/v1';

    public function show(): void
    {
        session_start();
        $city = (string) ($_SESSION['home_city'] ?? 'Hamburg');
        $units = (string) ($_SESSION['units'] ?? 'metric');

        $forecast = $this->fetchRemote(self::API . '/forecast?city=' . rawurlencode($city) . '&units=' . $units); // expect: held-across-slow-call

        $_SESSION['last_forecast_city'] = $city;
        header('Content-Type: application/json');
        echo json_encode($forecast);
    }

    public function export(): void
    {
        session_start();
        $city = (string) ($_SESSION['home_city'] ?? 'Hamburg');
        $html = '<h1>Forecast for ' . htmlspecialchars($city) . '</h1>';

        $pdf = self::renderPdf($html); // expect: held-across-slow-call

        $_SESSION['exports'] = (int) ($_SESSION['exports'] ?? 0) + 1;
        header('Content-Type: application/pdf');
        echo $pdf;
    }

    /** @return array<string, mixed> */
    private function fetchRemote(string $url): array
    {
        $ch = curl_init($url);
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 8]);
        $body = curl_exec($ch);
        curl_close($ch);

        return is_string($body) ? (json_decode($body, true) ?: []) : [];
    }

    private static function renderPdf(string $html): string
    {
        $descriptors = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
        $process = proc_open(['wkhtmltopdf', '--quiet', '-', '-'], $descriptors, $pipes);
        if (!is_resource($process)) {
            return '';
        }
        fwrite($pipes[0], $html);
        fclose($pipes[0]);
        $pdf = (string) stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        proc_close($process);

        return $pdf;
    }
}

$controller = new WeatherWidgetController();
if (($_GET['format'] ?? '') === 'pdf') {
    $controller->export();
} else {
    $controller->show();
}
