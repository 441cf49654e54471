// Every screen but Home, loaded after Home's first frame (App.tsx, loadScreens).
import { CardView } from './screens/CardView.js';
import { Decks } from './screens/Decks.js';
import { Review } from './screens/Review.js';
import { RolePicker } from './screens/RolePicker.js';
import { Search } from './screens/Search.js';
import { Settings } from './screens/Settings.js';
import { Optimize } from './screens/Optimize.js';
import { Readiness } from './screens/Readiness.js';
import { Walkthrough } from './screens/Walkthrough.js';
import { DesignList } from './screens/DesignList.js';
import { DesignHistory } from './screens/DesignHistory.js';
import { Mock } from './screens/Mock.js';
import { StoryBank } from './screens/StoryBank.js';
import { StoryEdit } from './screens/StoryEdit.js';
import { Cram } from './screens/Cram.js';
import { CardMarks } from './screens/CardMarks.js';
import { StudyNow } from './screens/StudyNow.js';
import { CultureRound } from './screens/CultureRound.js';
import type { Screen } from './app-context.js';

/** The screen for a stack entry; Home is App.tsx's own. */
export function OtherScreen({ screen, stackSize }: { screen: Screen; stackSize: number }) {
  switch (screen.name) {
    case 'role':
      return <RolePicker firstRun={stackSize === 1} />;
    case 'home':
      return null;
    case 'review':
      return <Review title={screen.title} items={screen.items} once={screen.once ?? false} cram={screen.cram} askConfidence={screen.askConfidence ?? false} scope={screen.scope} />;
    case 'cram':
      return <Cram />;
    case 'study-now':
      return <StudyNow scope={screen.scope} mode={screen.mode} />;
    case 'walkthrough':
      return <Walkthrough />;
    case 'designs':
      return <DesignList />;
    case 'mock':
      return <Mock promptKey={screen.key} minutes={screen.minutes} />;
    case 'design-history':
      return <DesignHistory promptKey={screen.key} />;
    case 'search':
      return <Search />;
    case 'card':
      return <CardView item={screen.item} />;
    case 'decks':
      return <Decks />;
    case 'card-marks':
      return <CardMarks />;
    case 'readiness':
      return <Readiness />;
    case 'settings':
      return <Settings />;
    case 'optimize':
      return <Optimize />;
    case 'stories':
      return <StoryBank />;
    case 'story-edit':
      return <StoryEdit storyId={screen.id} />;
    case 'culture-round':
      return <CultureRound questions={screen.questions} minutes={screen.minutes} />;
  }
}

