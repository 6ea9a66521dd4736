/** How the OpenAPI document describes the rooms routes' path parameters (controller and direct routes alike). */
export const SCHEDULER_NAME_PARAM = "the room's scheduler";
export const ROOM_NAME_PARAM = 'the room (pod) name';
