/** Body of the allocate route: empty (only the scheduler name of the path is used). */
export class AllocateRoomRequest {}
