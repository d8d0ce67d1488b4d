<?php
// Nextcloud near misses: with the session reopened, `get()` on the session, on the app config and
// on the request is not slow work, and `getAsync()` only starts a request; waiting on it comes
// after `close()`.
declare(strict_types=1);

namespace OCA\Weather\Controller;

use OCP\AppFramework\Controller;
use OCP\AppFramework\Http\JSONResponse;
use OCP\Http\Client\IClient;
use OCP\IConfig;
use OCP\IRequest;
use OCP\ISession;

class ForecastController extends Controller
{
    public function __construct(string $appName, IRequest $request, private ISession $session, private IConfig $config)
    {
        parent::__construct($appName, $request);
    }

    public function show(IClient $client): JSONResponse
    {
        $this->session->reopen();
        $city = (string) ($this->session->get('weather_city') ?? $this->request->getParam('city', 'Berlin'));
        $this->session->set('weather_city', $city);
        $key = $this->config->getAppValue('weather', 'api_key');
        $pending = $client->getAsync('https://api.weather.example/forecast?q=' . urlencode($city) . '&key=' . $key);
        $this->session->close();

        $response = $pending->wait();

        return new JSONResponse(json_decode((string) $response->getBody(), true));
    }
}
