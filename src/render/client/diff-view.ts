// The script of every diff page: the view follows the URL (see follow-view.ts).

import { followView } from "./follow-view.ts";

followView(document);
