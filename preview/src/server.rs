//! What the preview serves, over [`crate::http`]: `/` the page, `/events` an event
//! stream that names the latest render; the server answers anything else with 404.

use crate::http::{Answer, Handler, Request, Response, Route};
use crate::{page, State};
use std::sync::Arc;

/// Every path the preview answers (GET and HEAD).
pub const ROUTES: &[Route] = &[
    Route::get("/"),
    Route::get("/index.html"),
    Route::get("/events"),
];

/// The preview's routes.
pub(crate) struct Routes(pub Arc<State>);

impl Handler for Routes {
    fn routes(&self) -> &'static [Route] {
        ROUTES
    }

    fn answer(&self, request: &Request) -> Answer {
        let shown = self.0.shown.lock().unwrap_or_else(|e| e.into_inner());
        match request.path.as_str() {
            "/events" => Answer::Events(shown.generation.to_string()),
            "/" | "/index.html" => Answer::Respond(Response::text(
                200,
                "text/html; charset=utf-8",
                page::compose(&shown),
            )),
            _ => Answer::Respond(Response::plain(404, "404: not found")),
        }
    }
}
