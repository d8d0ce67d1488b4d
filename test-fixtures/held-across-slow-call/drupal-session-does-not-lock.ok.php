<?php
// Drupal reaches its session through Symfony's API (`$request->getSession()`), but Drupal's own
// session handler has no-op open/close and does not lock: reading the session and then calling a
// remote service blocks no other request. The Drupal preset overrides the Symfony preset's session
// entries (both are on here, as in a project that also requires symfony/http-foundation).
declare(strict_types=1);

namespace Drupal\weather\Controller;

use Drupal\Core\Controller\ControllerBase;
use Drupal\Core\Mail\MailManagerInterface;
use GuzzleHttp\ClientInterface;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;

final class ForecastController extends ControllerBase
{
    public function __construct(
        private readonly ClientInterface $httpClient,
        private readonly MailManagerInterface $mailManager,
    ) {
    }

    public function forecast(Request $request): JsonResponse
    {
        $session = $request->getSession();
        $city = (string) $session->get('weather_city', 'Zurich');

        $response = $this->httpClient->request('GET', 'https://api.weather.example/v1/forecast', ['query' => ['q' => $city]]);

        $session->set('weather_checked', time());
        $this->mailManager->mail('weather', 'forecast', 'ops@example.com', 'en', ['city' => $city]);

        return new JsonResponse(json_decode((string) $response->getBody(), true));
    }
}
